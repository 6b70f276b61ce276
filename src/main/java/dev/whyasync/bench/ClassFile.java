package dev.whyasync.bench;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the code footprint needs from one compiled class, read from its class file as a resource
 * (so nothing is loaded or initialized): its size, whether it is public, the classes its constant
 * pool names, and the source file the compiler recorded. Nested, anonymous and Kotlin continuation
 * classes are named in their outer class's constant pool (it creates them, and its InnerClasses
 * attribute lists them), which is how {@link TaskBytecode} finds them.
 */
record ClassFile(String name, int bytes, boolean isPublic, Set<String> referencedClasses, Optional<String> sourceFile) {
    private static final int MAGIC = 0xCAFEBABE;
    private static final int ACC_PUBLIC = 0x0001;

    /** Reads the class file of {@code internalName} (e.g. {@code dev/whyasync/model/PagePair}), or empty when there is none. */
    static Optional<ClassFile> read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? Optional.empty() : Optional.of(parse(internalName, in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + internalName, e);
        }
    }

    static ClassFile parse(String internalName, byte[] bytes) {
        try {
            return parse(internalName, bytes, new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new IllegalArgumentException(internalName + " is not a valid class file: " + e.getMessage(), e);
        }
    }

    private static ClassFile parse(String internalName, byte[] bytes, DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("no class file magic number");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        int access = in.readUnsignedShort();
        Set<String> referenced = new TreeSet<>();
        for (int index : classNameIndex) {
            if (index != 0) {
                elementClass(utf8[index]).ifPresent(referenced::add);
            }
        }
        in.skipBytes(4);
        in.skipBytes(2 * in.readUnsignedShort());
        skipMembers(in);
        skipMembers(in);
        Optional<String> sourceFile = Optional.empty();
        for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
            String attribute = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if ("SourceFile".equals(attribute)) {
                sourceFile = Optional.of(utf8[in.readUnsignedShort()]);
                in.skipBytes(length - 2);
            } else {
                in.skipBytes(length);
            }
        }
        referenced.remove(internalName);
        return new ClassFile(internalName, bytes.length, (access & ACC_PUBLIC) != 0, Set.copyOf(referenced), sourceFile);
    }

    /** Fields or methods: each has three u2 and a list of attributes. */
    private static void skipMembers(DataInputStream in) throws IOException {
        for (int members = in.readUnsignedShort(); members > 0; members--) {
            in.skipBytes(6);
            for (int attributes = in.readUnsignedShort(); attributes > 0; attributes--) {
                in.skipBytes(2);
                in.skipBytes(in.readInt());
            }
        }
    }

    /** A class constant names a class, or an array type such as {@code [Ldev/whyasync/http/Page;}. */
    private static Optional<String> elementClass(String name) {
        String element = name.replaceFirst("^\\[+", "");
        if (element.length() == name.length()) {
            return Optional.of(name);
        }
        return element.startsWith("L") && element.endsWith(";")
                ? Optional.of(element.substring(1, element.length() - 1)) : Optional.empty();
    }

    /** The package part of an internal name, e.g. {@code dev/whyasync/model}. */
    static String packageOf(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? "" : internalName.substring(0, slash);
    }

    /** The top-level class a nested class belongs to: the name up to the first {@code $}. */
    static String topLevelOf(String internalName) {
        int dollar = internalName.indexOf('$', packageOf(internalName).length());
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }
}
