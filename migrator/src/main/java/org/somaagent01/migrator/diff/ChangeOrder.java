package org.somaagent01.migrator.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders changes by their dependencies ({@link Dependencies.Keys}): a topological sort (Kahn's algorithm) where,
 * of the changes ready, the one of lowest rank comes first, then the one emitted first. For an object key:
 * <ul>
 * <li>its drop comes before its creation (a rebuilt object, a name taken over);</li>
 * <li>a change reading it as it was (a dependent's drop) comes before its drop and before an alteration of it;</li>
 * <li>a change reading it as it will be (a dependent's creation) comes after its creation and after an alteration;</li>
 * <li>an alteration comes after its creation and before its drop;</li>
 * <li>a change that only needs the object to exist (a comment, a privilege, an in-place option) comes before the
 *     drop of the old one or after the creation of the new one.</li>
 * </ul>
 * Where the dependencies leave a choice, the rank decides, so that when they agree with the ranks the order is the
 * ranks' order. A cycle (which PostgreSQL's own objects cannot form, but a key read too widely can) is broken
 * deterministically: when no change is ready, the lowest-ranked (then first emitted) change of a cycle that waits
 * for nothing outside it goes next, as if what it waits for were done.
 */
final class ChangeOrder {
    private ChangeOrder() {}

    /** A change with its rank and keys. */
    record Entry(Change change, int rank, Dependencies.Keys keys) {}

    static List<Change> sort(List<Entry> entries) {
        List<Change> out = new ArrayList<>(entries.size());
        for (int i : order(entries)) out.add(entries.get(i).change());
        return out;
    }

    /** The positions of {@code entries} in their order. */
    static List<Integer> order(List<Entry> entries) {
        int n = entries.size();
        List<List<Integer>> next = new ArrayList<>(n);
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) next.add(new ArrayList<>());
        Map<String, List<Integer>> gone = index(entries, Dependencies.Keys::gone);
        Map<String, List<Integer>> made = index(entries, Dependencies.Keys::made);
        Map<String, List<Integer>> alters = index(entries, Dependencies.Keys::alters);
        for (int i = 0; i < n; i++) {
            Dependencies.Keys k = entries.get(i).keys();
            for (String key : k.made()) {
                edges(gone.get(key), i, true, next, waiting);
            }
            for (String key : k.before()) {
                edges(gone.get(key), i, false, next, waiting);
                edges(alters.get(key), i, false, next, waiting);
            }
            for (String key : k.after()) {
                edges(made.get(key), i, true, next, waiting);
                edges(alters.get(key), i, true, next, waiting);
            }
            for (String key : k.usesOld()) edges(gone.get(key), i, false, next, waiting);
            for (String key : k.usesNew()) edges(made.get(key), i, true, next, waiting);
            for (String key : k.alters()) {
                edges(made.get(key), i, true, next, waiting);
                edges(gone.get(key), i, false, next, waiting);
            }
        }
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) rank[i] = entries.get(i).rank();
        java.util.Comparator<Integer> byRank = (a, b) -> {
            int r = Integer.compare(rank[a], rank[b]);
            return r != 0 ? r : Integer.compare(a, b);
        };
        PriorityQueue<Integer> ready = new PriorityQueue<>(byRank);
        for (int i = 0; i < n; i++) if (waiting[i] == 0) ready.add(i);
        List<Integer> out = new ArrayList<>(n);
        boolean[] done = new boolean[n];
        while (out.size() < n) {
            Integer i = ready.poll();
            if (i == null) {
                i = breakCycle(left(done, byRank), next, done);
            } else if (done[i]) {
                continue;
            }
            done[i] = true;
            out.add(i);
            for (int j : next.get(i)) {
                if (--waiting[j] == 0 && !done[j]) ready.add(j);
            }
        }
        return out;
    }

    /**
     * The change that goes first when none is ready: the lowest-ranked (then first emitted) change of a cycle that
     * waits for nothing outside it (a source of the remaining graph's strongly connected components, which exists
     * when nothing is ready), so that what merely waits for a cycle is not taken for part of it.
     */
    private static int breakCycle(List<Integer> left, List<List<Integer>> next, boolean[] done) {
        int[] component = components(left, next, done);
        Set<Integer> fed = new java.util.HashSet<>();
        for (int i : left) {
            for (int j : next.get(i)) if (!done[j] && component[j] != component[i]) fed.add(component[j]);
        }
        for (int i : left) if (!fed.contains(component[i])) return i; // left is in rank order
        return left.get(0);
    }

    /** The changes not done, in rank order: only a cycle needs them (kept in a sorted set, they cost every diff). */
    private static List<Integer> left(boolean[] done, java.util.Comparator<Integer> byRank) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < done.length; i++) if (!done[i]) left.add(i);
        left.sort(byRank);
        return left;
    }

    /** Strongly connected components of the changes not done (Kosaraju, without recursion). */
    private static int[] components(List<Integer> left, List<List<Integer>> next, boolean[] done) {
        int n = next.size();
        List<List<Integer>> prev = new ArrayList<>(n);
        for (int i = 0; i < n; i++) prev.add(new ArrayList<>());
        for (int i : left) for (int j : next.get(i)) if (!done[j]) prev.get(j).add(i);
        List<Integer> finished = new ArrayList<>();
        boolean[] seen = new boolean[n];
        for (int start : left) {
            if (seen[start]) continue;
            java.util.Deque<int[]> stack = new java.util.ArrayDeque<>();
            stack.push(new int[] {start, 0});
            seen[start] = true;
            while (!stack.isEmpty()) {
                int[] top = stack.peek();
                List<Integer> out = next.get(top[0]);
                if (top[1] < out.size()) {
                    int j = out.get(top[1]++);
                    if (!done[j] && !seen[j]) {
                        seen[j] = true;
                        stack.push(new int[] {j, 0});
                    }
                } else {
                    finished.add(stack.pop()[0]);
                }
            }
        }
        int[] component = new int[n];
        java.util.Arrays.fill(component, -1);
        int count = 0;
        for (int f = finished.size() - 1; f >= 0; f--) {
            int root = finished.get(f);
            if (component[root] >= 0) continue;
            java.util.Deque<Integer> stack = new java.util.ArrayDeque<>();
            stack.push(root);
            component[root] = count;
            while (!stack.isEmpty()) {
                for (int j : prev.get(stack.pop())) {
                    if (component[j] < 0) {
                        component[j] = count;
                        stack.push(j);
                    }
                }
            }
            count++;
        }
        return component;
    }

    /** Edges between {@code others} and {@code i}: from them to it ({@code into}), or from it to them. */
    private static void edges(List<Integer> others, int i, boolean into, List<List<Integer>> next, int[] waiting) {
        if (others == null) return;
        for (int o : others) {
            if (o == i) continue;
            int from = into ? o : i;
            int to = into ? i : o;
            next.get(from).add(to);
            waiting[to]++;
        }
    }

    private static Map<String, List<Integer>> index(List<Entry> entries,
                                                    java.util.function.Function<Dependencies.Keys, Set<String>> keys) {
        Map<String, List<Integer>> out = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            for (String k : keys.apply(entries.get(i).keys())) out.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        }
        return out;
    }
}
