package dev.whyasync.model;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every model by name: the one list that benchmarks, tests and the command line draw from. */
public enum ModelKind {
    SEQUENTIAL("sequential", 0, SequentialModel::new),
    THREADS("threads", ThreadsModel.THREADS_PER_TASK, ThreadsModel::new),
    POOL("pool", 0, PoolModel::new),
    CALLBACKS("callbacks", 0, CallbacksModel::new),
    FUTURES("futures", 0, FuturesModel::new),
    VIRTUAL("virtual", 0, VirtualThreadModel::new),
    ACTORS("actors", 0, ActorsModel::new),
    COROUTINES("coroutines", 0, CoroutinesModel::new),
    REACTIVE("reactive", 0, ReactiveModel::new);

    private final String modelName;
    private final int platformThreadsPerTask;
    private final Function<ModelConfig, ConcurrencyModel> factory;

    ModelKind(String modelName, int platformThreadsPerTask, Function<ModelConfig, ConcurrencyModel> factory) {
        this.modelName = modelName;
        this.platformThreadsPerTask = platformThreadsPerTask;
        this.factory = factory;
    }

    public String modelName() {
        return modelName;
    }

    /** Platform threads the model creates for each task in flight (pools and event loops are fixed, so 0). */
    public int platformThreadsPerTask() {
        return platformThreadsPerTask;
    }

    /** Connections each task in flight holds open: one per page, whatever the model. */
    public int connectionsPerTask() {
        return 2;
    }

    public ConcurrencyModel create(ModelConfig config) {
        return factory.apply(config);
    }

    public static ModelKind byName(String name) {
        return Arrays.stream(values()).filter(k -> k.modelName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown model '" + name + "'; known: " + String.join(", ", names())));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(ModelKind::modelName).collect(Collectors.toList());
    }
}
