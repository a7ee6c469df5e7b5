package bench;

import java.net.URI;
import java.util.Properties;

/** postgresql://user:pass@host:port/db, the migrator's DSN form, as a JDBC URL and connection properties. */
record Dsn(String url, String user, String password) {
    static Dsn parse(String dsn) {
        URI u = URI.create(dsn.replaceFirst("^postgres(ql)?://", "pg://"));
        String[] userInfo = u.getUserInfo().split(":", 2);
        String url = "jdbc:postgresql://" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath();
        return new Dsn(url, userInfo[0], userInfo.length > 1 ? userInfo[1] : "");
    }

    Properties properties() {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return p;
    }
}
