package org.somaagent01.migrator.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SessionSettingsTest {
    @Test
    void sessionLevelSetAndResetNameTheirSetting() {
        assertEquals("search_path", SessionSettings.setting("SET search_path TO other, public"));
        assertEquals("search_path", SessionSettings.setting("set session search_path = 'x'"));
        assertEquals("search_path", SessionSettings.setting("/* why */ SET SCHEMA 'other'"));
        assertEquals("search_path", SessionSettings.setting("RESET search_path"));
        assertEquals("role", SessionSettings.setting("SET ROLE app_owner"));
        assertEquals("session_authorization", SessionSettings.setting("SET SESSION AUTHORIZATION app"));
        assertEquals("TimeZone", SessionSettings.setting("SET TIME ZONE 'UTC'"));
        assertEquals("lock_timeout", SessionSettings.setting("SET \"lock_timeout\" TO '1s'"));
        assertEquals("all", SessionSettings.setting("RESET ALL"));
    }

    @Test
    void transactionScopedSettingsAndOtherStatementsAreNone() {
        assertNull(SessionSettings.setting("SET LOCAL search_path TO other"));
        assertNull(SessionSettings.setting("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"));
        assertNull(SessionSettings.setting("SET CONSTRAINTS ALL DEFERRED"));
        assertNull(SessionSettings.setting("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"));
        assertNull(SessionSettings.setting("SELECT set_config('search_path', 'x', false)"));
        assertNull(SessionSettings.setting("UPDATE t SET a = 1"));
        assertNull(SessionSettings.setting("ALTER TABLE t SET SCHEMA other"));
    }
}
