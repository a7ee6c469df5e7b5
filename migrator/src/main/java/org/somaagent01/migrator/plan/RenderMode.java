package org.somaagent01.migrator.plan;

/**
 * How changes become statements. {@link #ONLINE} (the default of {@code generate} and {@code diff}) takes only brief
 * locks on existing tables: indexes built and dropped concurrently, constraints added NOT VALID and validated later,
 * NOT NULL proven by a validated CHECK. {@link #PLAIN} is the simple form, one statement per change.
 */
public enum RenderMode { ONLINE, PLAIN }
