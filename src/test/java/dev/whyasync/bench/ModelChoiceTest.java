package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.model.ModelKind;
import org.junit.jupiter.api.Test;

class ModelChoiceTest {

    @Test
    void aSuffixSetsTheModelsThreadsAndNoSuffixKeepsTheFallback() {
        assertEquals(new ModelChoice(ModelKind.POOL, 200), ModelChoice.parse("pool-200", 0));
        assertEquals(new ModelChoice(ModelKind.CALLBACKS, 1), ModelChoice.parse("callbacks-1", 4));
        assertEquals(new ModelChoice(ModelKind.VIRTUAL, 4), ModelChoice.parse("virtual", 4));
    }

    @Test
    void unknownModelsAndZeroThreadsAreRefusedWithTheKnownNames() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ModelChoice.parse("fibers-2", 0));
        assertTrue(unknown.getMessage().contains("known: sequential"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelChoice.parse("pool-0", 0));
    }
}
