package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/** The floor of any JVM migration tool: start, connect with pgjdbc, run 'select 1', exit. java bench.Floor DSN */
public final class Floor {
    public static void main(String[] args) throws Exception {
        Dsn d = Dsn.parse(args[0]);
        try (Connection c = new org.postgresql.Driver().connect(d.url(), d.properties());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select 1")) {
            rs.next();
            System.out.println(rs.getInt(1));
        }
    }
}
