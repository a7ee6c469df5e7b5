package org.somaagent01.migrator.cli;

/** {@code --format}: human text, or JSON for machines. */
enum OutputFormat { text, json }
