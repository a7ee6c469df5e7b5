package org.somaagent01.migrator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The written grant order is the one of its fields in turn, as Comparator.comparing chains them. */
class GrantOrderProperties {
    private static final Comparator<GrantModel> CHAINED = Comparator.comparing(GrantModel::kind)
            .thenComparing(GrantModel::object).thenComparing(GrantModel::grantee).thenComparing(GrantModel::privilege)
            .thenComparing(GrantModel::grantOption).thenComparing(GrantModel::revoked);

    @Property(tries = 500)
    void ordersAsTheChainedComparator(@ForAll("grants") GrantModel a, @ForAll("grants") GrantModel b) {
        assertEquals(Integer.signum(CHAINED.compare(a, b)), Integer.signum(GrantModel.ORDER.compare(a, b)), a + " vs " + b);
    }

    @Provide
    Arbitrary<GrantModel> grants() {
        // few values per field, so that pairs often tie on the first fields and the later ones decide
        Arbitrary<String> kind = Arbitraries.of(GrantModel.KINDS);
        Arbitrary<String> word = Arbitraries.of("a", "b", "t.c", "f(integer)");
        Arbitrary<String> privilege = Arbitraries.of("SELECT", "UPDATE", "USAGE");
        return Combinators.combine(kind, word, Arbitraries.of("app", "PUBLIC"), privilege, Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as(GrantModel::new);
    }
}
