package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code CONSTRAINT name CHECK (expression)}; the expression in {@code pg_get_expr} form. {@code notValid}: added
 * {@code NOT VALID} and not validated since, so existing rows are not known to satisfy it.
 */
public record CheckModel(String name, String expression,
                         @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean notValid) {
    public CheckModel(String name, String expression) {
        this(name, expression, false);
    }

    public CheckModel withNotValid(boolean value) {
        return new CheckModel(name, expression, value);
    }
}
