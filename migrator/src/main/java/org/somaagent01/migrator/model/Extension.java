package org.somaagent01.migrator.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code CREATE EXTENSION name [VERSION version]}. A declared schema and a snapshot name no version (it follows the
 * server's packages: null); a database compared with another database has its installed one, so a difference in
 * versions between two databases is a change ({@code ALTER EXTENSION … UPDATE TO}).
 */
public record Extension(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String version) {
    public Extension(String name) {
        this(name, null);
    }
}
