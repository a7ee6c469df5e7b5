package org.somaagent01.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SomaDatabase} sizes and times its HikariCP pool. {@link #DEFAULTS} suit a service with a handful of
 * request threads on a server that allows the usual 100 connections: 10 connections kept open, a caller waits at
 * most 10 s for one (then gets an error rather than hanging), idle connections above the minimum close after 10
 * minutes, and every connection is replaced after 30 minutes so server-side settings and failovers are picked up.
 *
 * @param applicationName what {@code pg_stat_activity.application_name} shows, unless the DSN sets
 *                        {@code application_name} itself
 */
public record PoolSettings(int maximumPoolSize, int minimumIdle, Duration connectionTimeout, Duration idleTimeout,
                           Duration maxLifetime, String applicationName) {
    public static final PoolSettings DEFAULTS = new PoolSettings(10, 10, Duration.ofSeconds(10), Duration.ofMinutes(10),
            Duration.ofMinutes(30), "somaagent01");

    public PoolSettings {
        if (maximumPoolSize < 1) throw new IllegalArgumentException("maximumPoolSize must be at least 1: " + maximumPoolSize);
        if (minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new IllegalArgumentException("minimumIdle must be between 0 and maximumPoolSize: " + minimumIdle);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(applicationName, "applicationName");
    }

    public PoolSettings withMaximumPoolSize(int size) {
        return new PoolSettings(size, Math.min(minimumIdle, size), connectionTimeout, idleTimeout, maxLifetime, applicationName);
    }

    public PoolSettings withApplicationName(String name) {
        return new PoolSettings(maximumPoolSize, minimumIdle, connectionTimeout, idleTimeout, maxLifetime, name);
    }

    public PoolSettings withConnectionTimeout(Duration timeout) {
        return new PoolSettings(maximumPoolSize, minimumIdle, timeout, idleTimeout, maxLifetime, applicationName);
    }
}
