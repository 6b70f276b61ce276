package dev.whyasync.bench;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiled classes that make up one model's task code: the model's class, every class nested in
 * it (inner, anonymous, records, Kotlin continuation and lambda classes: {@code Model$...}), and the
 * package-private classes of the model's package that it reaches, with their nested classes. Such a
 * class shared by two models (ForkedPages, ThreadPerPage and Joins for threads and virtual; PagePair for
 * pool and callbacks) counts in full for each of them, listed apart as {@link #shared()}.
 * <p>
 * The classes are found by following the class names in each class file's constant pool from the
 * model's class, so nothing is listed by hand and nothing is loaded. The asymmetry: a Java lambda
 * (and most Kotlin lambdas) is compiled to a method of its class plus an invokedynamic, with no class
 * file of its own (its class is spun at run time and shows only in the loaded-class count), whereas
 * a Kotlin suspend lambda or suspend function gets a continuation class of its own.
 */
record TaskBytecode(List<ClassFile> own, List<ClassFile> shared) {

    TaskBytecode {
        own = List.copyOf(own);
        shared = List.copyOf(shared);
    }

    /** The task code of {@code modelClass}, read from the class files its class loader sees. */
    static TaskBytecode of(Class<?> modelClass) {
        ClassLoader loader = modelClass.getClassLoader();
        String model = modelClass.getName().replace('.', '/');
        String pkg = ClassFile.packageOf(model);
        Map<String, ClassFile> found = new HashMap<>();
        Map<String, Boolean> sharedTopLevels = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(List.of(model));
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (found.containsKey(name)) {
                continue;
            }
            ClassFile file = ClassFile.read(loader, name)
                    .orElseThrow(() -> new IllegalStateException("no class file for " + name + " on the class path"));
            found.put(name, file);
            for (String ref : file.referencedClasses()) {
                if (ClassFile.packageOf(ref).equals(pkg) && !found.containsKey(ref)
                        && belongs(ClassFile.topLevelOf(ref), model, loader, sharedTopLevels)) {
                    pending.push(ref);
                }
            }
        }
        List<ClassFile> sorted = found.values().stream().sorted(Comparator.comparing(ClassFile::name)).toList();
        return new TaskBytecode(
                sorted.stream().filter(c -> ClassFile.topLevelOf(c.name()).equals(model)).toList(),
                sorted.stream().filter(c -> !ClassFile.topLevelOf(c.name()).equals(model)).toList());
    }

    /** The model itself, or a top-level class of its package that is not public: code shared by models. */
    private static boolean belongs(String topLevel, String model, ClassLoader loader, Map<String, Boolean> shared) {
        return topLevel.equals(model) || shared.computeIfAbsent(topLevel,
                name -> ClassFile.read(loader, name).map(c -> !c.isPublic()).orElse(false));
    }

    int classes() {
        return own.size() + shared.size();
    }

    long bytes() {
        return ownBytes() + sharedBytes();
    }

    long ownBytes() {
        return own.stream().mapToLong(ClassFile::bytes).sum();
    }

    long sharedBytes() {
        return shared.stream().mapToLong(ClassFile::bytes).sum();
    }

    /** The source files the compiler recorded for the shared classes (e.g. {@code PagePair.java}), one each. */
    List<String> sharedSourceFiles() {
        return shared.stream().map(ClassFile::sourceFile).flatMap(Optional::stream).distinct().sorted().toList();
    }

    /** The model's source file, e.g. {@code CoroutinesModel.kt}. */
    String ownSourceFile() {
        return own.stream().filter(c -> !c.name().contains("$")).findFirst().flatMap(ClassFile::sourceFile)
                .orElseThrow(() -> new IllegalStateException("the model class records no source file (compiled with -g:none?)"));
    }
}
