package org.jdbsp.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class CoreApiTest {
    @Test
    void noPublicSignatureOfCoreShowsAnInternalType() {
        assertEquals(List.of(), ApiSignatures.internalTypesShownBy(ZSet.class));
    }

    @Test
    void theModuleExportsTheApiAndTheSpiButNoInternalPackage() {
        java.lang.module.ModuleDescriptor d = ApiSignatures.moduleOf(ZSet.class);
        assertEquals("org.jdbsp.core", d.name());
        List<String> exported = d.exports().stream().map(e -> e.source()).sorted().toList();
        assertEquals(List.of("org.jdbsp.circuit", "org.jdbsp.circuit.spi", "org.jdbsp.trace", "org.jdbsp.zset",
                "org.jdbsp.zset.spi"), exported);
        assertTrue(exported.stream().noneMatch(p -> p.contains("internal")), "no internal package is exported");
    }
}
