package org.jdbsp.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.jdbsp.operators.Relation;
import org.jdbsp.testkit.ZSets;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

/** What an application sees of the libraries: the exported packages, and no internal type in their signatures. */
class PublicApiTest {
    @Test
    void noPublicSignatureOfTheCoreShowsAnInternalType() {
        assertEquals(List.of(), ApiSignatures.internalTypesShownBy(ZSet.class));
    }

    @Test
    void noPublicSignatureOfTheOperatorsShowsAnInternalType() {
        assertEquals(List.of(), ApiSignatures.internalTypesShownBy(Relation.class));
    }

    @Test
    void theCoreExportsItsApiAndSpiPackagesOnly() {
        assertEquals(List.of("org.jdbsp.checkpoint", "org.jdbsp.circuit", "org.jdbsp.circuit.spi", "org.jdbsp.codec", "org.jdbsp.storage.spi",
                "org.jdbsp.trace", "org.jdbsp.zset", "org.jdbsp.zset.spi"), exports(ApiSignatures.moduleOf(ZSet.class), "org.jdbsp.core"));
    }

    @Test
    void theOperatorsExportTheirOperatorPackagesOnly() {
        assertEquals(List.of("org.jdbsp.operators", "org.jdbsp.operators.aggregate", "org.jdbsp.operators.distinct",
                "org.jdbsp.operators.join", "org.jdbsp.operators.lag", "org.jdbsp.operators.time",
                "org.jdbsp.operators.topk", "org.jdbsp.operators.window"),
                exports(ApiSignatures.moduleOf(Relation.class), "org.jdbsp.operators"));
    }

    @Test
    void theTestKitExportsItsOnePackage() {
        assertEquals(List.of("org.jdbsp.testkit"), exports(ApiSignatures.moduleOf(ZSets.class), "org.jdbsp.testkit"));
        assertEquals(List.of(), ApiSignatures.internalTypesShownBy(ZSets.class));
    }

    private static List<String> exports(ModuleDescriptor module, String name) {
        assertEquals(name, module.name());
        return module.exports().stream().map(ModuleDescriptor.Exports::source).sorted().toList();
    }
}
