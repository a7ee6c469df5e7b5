package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A function or procedure. {@code body} verbatim, as {@code pg_proc.prosrc} keeps it; {@code returns} as
 * {@code pg_get_function_result} prints it (null for a procedure); {@code arguments} as
 * {@code pg_get_function_arguments} prints them (modes, names, types, defaults) and {@code identityArguments} as
 * {@code pg_get_function_identity_arguments} does (what tells overloads apart).
 *
 * <p>Every attribute after {@code body} is null, false or empty at PostgreSQL's default (VOLATILE, not strict,
 * SECURITY INVOKER, not leakproof, PARALLEL UNSAFE, COST 100, ROWS 0 or 1000 for a set), and left out of snapshots
 * there: a function without arguments or attributes, such as a declared trigger function, reads and writes as it
 * did before these were modelled.
 */
public record FunctionModel(
        String name,
        String returns,
        String language,
        String body,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String arguments,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String identityArguments,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean procedure,
        @JsonInclude(JsonInclude.Include.NON_NULL) String volatility,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean strict,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean securityDefiner,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean leakproof,
        @JsonInclude(JsonInclude.Include.NON_NULL) String parallel,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double cost,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double rows,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> config) {

    public static final double DEFAULT_COST = 100;

    /** A function without arguments and with default attributes (a trigger function, for one). */
    public FunctionModel(String name, String returns, String language, String body) {
        this(name, returns, language, body, "", "", false, null, false, false, false, null, null, null, List.of());
    }

    public FunctionModel {
        arguments = arguments == null ? "" : arguments;
        identityArguments = identityArguments == null ? "" : identityArguments;
        volatility = volatility == null || volatility.equalsIgnoreCase("VOLATILE") ? null : volatility.toUpperCase();
        parallel = parallel == null || parallel.equalsIgnoreCase("UNSAFE") ? null : parallel.toUpperCase();
        cost = cost == null || cost == DEFAULT_COST ? null : cost;
        double defaultRows = returns != null && (returns.startsWith("SETOF ") || returns.startsWith("TABLE(")) ? 1000 : 0;
        rows = rows == null || rows == defaultRows ? null : rows;
        // one entry per variable; PostgreSQL keeps the order they were set in, which means nothing
        config = config == null ? List.of() : config.stream().sorted().toList();
    }

    /**
     * The key in {@link SchemaModel#functions()}: {@code name(identity arguments)}, so overloads coexist. One without
     * arguments is keyed by its bare name, as snapshots written before routines had arguments keyed it (two routines
     * of one schema cannot both be {@code name()}).
     */
    @JsonIgnore
    public String signature() {
        return identityArguments.isEmpty() ? name : name + "(" + identityArguments + ")";
    }

    /** What {@code DROP FUNCTION} and {@code ALTER FUNCTION} name it by. */
    @JsonIgnore
    public String callSignature() {
        return name + "(" + identityArguments + ")";
    }

    @JsonIgnore
    public String kind() {
        return procedure ? "PROCEDURE" : "FUNCTION";
    }

    public FunctionModel withArguments(String newArguments, String newIdentityArguments) {
        return new FunctionModel(name, returns, language, body, newArguments, newIdentityArguments, procedure, volatility,
                strict, securityDefiner, leakproof, parallel, cost, rows, config);
    }

    /** This routine with other attributes (null for the default). */
    public FunctionModel withAttributes(String newVolatility, boolean newStrict, boolean newSecurityDefiner,
                                        boolean newLeakproof, String newParallel, Double newCost, Double newRows,
                                        List<String> newConfig) {
        return new FunctionModel(name, returns, language, body, arguments, identityArguments, procedure, newVolatility,
                newStrict, newSecurityDefiner, newLeakproof, newParallel, newCost, newRows, newConfig);
    }

    /** A procedure: no result, and none of a function's planner attributes. */
    public static FunctionModel ofProcedure(String name, String arguments, String identityArguments, String language,
                                          String body) {
        return new FunctionModel(name, null, language, body, arguments, identityArguments, true, null, false, false,
                false, null, null, null, List.of());
    }
}
