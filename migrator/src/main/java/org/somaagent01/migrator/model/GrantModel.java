package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Comparator;
import java.util.List;

/**
 * One privilege granted beyond an object's defaults ({@code acldefault}: the owner's implicit privileges and, for
 * functions, EXECUTE to PUBLIC): {@code GRANT privilege ON kind object TO grantee [WITH GRANT OPTION]}. {@code kind}
 * is TABLE (tables, views and materialized views), SEQUENCE, FUNCTION, SCHEMA or COLUMN; {@code object} the name,
 * {@code table.column} for a column and {@code name(argument types)} for a function; {@code grantee} a role name or
 * {@code public}. Compared per (object, grantee, privilege, grant option, revoked).
 *
 * <p>A {@code revoked} one is the opposite: a default privilege taken away ({@code REVOKE EXECUTE ON FUNCTION f()
 * FROM PUBLIC}, an owner's privilege revoked), which a re-created object would have again. Applying it revokes,
 * removing it grants back.
 */
public record GrantModel(String kind, String object, String grantee, String privilege, boolean grantOption,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean revoked) {
    public static final List<String> KINDS = List.of("TABLE", "SEQUENCE", "FUNCTION", "SCHEMA", "COLUMN");
    /**
     * By kind, object, grantee, privilege, grant option, then revoked. Written out rather than chained from
     * {@code Comparator.comparing}: every schema model sorts its grants, and the chain's lambdas are linked at run
     * time, a few milliseconds of a cold start spent on both sides of a diff.
     */
    public static final Comparator<GrantModel> ORDER = GrantModel::compare;

    private static int compare(GrantModel a, GrantModel b) {
        int c = a.kind.compareTo(b.kind);
        if (c == 0) c = a.object.compareTo(b.object);
        if (c == 0) c = a.grantee.compareTo(b.grantee);
        if (c == 0) c = a.privilege.compareTo(b.privilege);
        if (c == 0) c = Boolean.compare(a.grantOption, b.grantOption);
        if (c == 0) c = Boolean.compare(a.revoked, b.revoked);
        return c;
    }

    public GrantModel {
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("grant on " + kind + " is not one of " + KINDS);
    }

    public GrantModel(String kind, String object, String grantee, String privilege, boolean grantOption) {
        this(kind, object, grantee, privilege, grantOption, false);
    }

    /** The relation a TABLE, SEQUENCE or COLUMN grant is on; the function or schema name otherwise. */
    public String relation() {
        if (kind.equals("COLUMN")) return object.substring(0, object.lastIndexOf('.'));
        if (kind.equals("FUNCTION")) return object.substring(0, object.indexOf('('));
        return object;
    }

    /** The column of a COLUMN grant, else null. */
    public String column() {
        return kind.equals("COLUMN") ? object.substring(object.lastIndexOf('.') + 1) : null;
    }

    static List<GrantModel> sorted(List<GrantModel> grants) {
        return grants == null ? List.of() : grants.stream().sorted(ORDER).distinct().toList();
    }
}
