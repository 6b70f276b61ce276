package dev.whyasync.bench;

import dev.whyasync.model.ModelKind;

/**
 * A model as a benchmark parameter names it: {@code pool}, or {@code pool-200} for the same model with
 * 200 runtime threads. The suffix lets one parameter list compare a model's thread counts (a pool
 * the size of the cores vs a servlet container's 200, one event loop vs one per core, one carrier
 * thread vs one per core) without multiplying every other model by every thread count.
 */
record ModelChoice(ModelKind kind, int threads) {

    /** @param fallbackThreads the threads to use when the name has no suffix (0 = the model's default) */
    static ModelChoice parse(String name, int fallbackThreads) {
        int dash = name.lastIndexOf('-');
        if (dash > 0 && name.substring(dash + 1).chars().allMatch(Character::isDigit) && dash < name.length() - 1) {
            int threads = Integer.parseInt(name.substring(dash + 1));
            if (threads < 1) {
                throw new IllegalArgumentException("model '" + name + "' asks for " + threads + " threads; use 1 or more");
            }
            return new ModelChoice(ModelKind.byName(name.substring(0, dash)), threads);
        }
        return new ModelChoice(ModelKind.byName(name), fallbackThreads);
    }
}
