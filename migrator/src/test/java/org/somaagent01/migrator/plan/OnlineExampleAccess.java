package org.somaagent01.migrator.plan;

import org.somaagent01.migrator.model.SchemaModel;

/** The schemas of {@link OnlineExample} for tests in other packages. */
public final class OnlineExampleAccess {
    private OnlineExampleAccess() {}

    public static SchemaModel before() { return OnlineExample.before(); }

    public static SchemaModel after() { return OnlineExample.after(); }
}
