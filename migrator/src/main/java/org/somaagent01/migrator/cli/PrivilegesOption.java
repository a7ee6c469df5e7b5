package org.somaagent01.migrator.cli;

import picocli.CommandLine.Option;

/**
 * {@code --with-privileges}: GRANTs and REVOKEs are modelled and diffed (per object, grantee, privilege and grant
 * option, beyond each object's defaults) instead of being reported as outside the model.
 */
final class PrivilegesOption {
    @Option(names = "--with-privileges", description = "compare privileges (GRANT/REVOKE on tables, columns, sequences, "
            + "views, functions and the schema) as part of the schema; the declared schema grants nothing beyond the defaults")
    boolean on;
}
