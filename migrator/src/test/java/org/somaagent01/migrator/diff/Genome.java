package org.somaagent01.migrator.diff;

import java.util.List;

/** A list of drawn numbers read one by one as choices: what the random-schema generators decode a schema from. */
final class Genome {
    private final List<Integer> genes;
    private int next;

    Genome(List<Integer> genes) { this.genes = genes; }

    int pick(int choices) { return genes.get(next++ % genes.size()) % choices; }

    boolean chance() { return pick(2) == 1; }

    <T> T oneOf(List<T> options) { return options.get(pick(options.size())); }

    /** How many genes were read (beyond the list's size, they wrap around). */
    int read() { return next; }
}
