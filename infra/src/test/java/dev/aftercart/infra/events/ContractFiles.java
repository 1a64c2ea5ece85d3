package dev.aftercart.infra.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Where the contract lives: {@code infra/events/}, read from the module's base directory. */
final class ContractFiles {

    static final String SCHEMA_SUFFIX = ".schema.json";

    private ContractFiles() {
    }

    static Path events() {
        // Surefire runs in the module directory; an IDE may run from the repository root.
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path events = module.resolve("events");
        return Files.isDirectory(events) ? events : module.resolve("infra").resolve("events");
    }

    static Path schemas() {
        return events().resolve("schemas");
    }

    static Path simulation() {
        return events().resolve("simulate").resolve("samples.jsonl");
    }

    /** The checked-in sample events, one envelope per file, by file name. */
    static List<Path> samples() {
        return list(events().resolve("samples"), ".json");
    }

    static List<Path> schemaFiles() {
        return list(schemas(), SCHEMA_SUFFIX);
    }

    /** {@code Order Placed} is described by {@code order-placed.schema.json}. */
    static String schemaFileFor(String detailType) {
        return detailType.toLowerCase(Locale.ROOT).replace(' ', '-') + SCHEMA_SUFFIX;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
