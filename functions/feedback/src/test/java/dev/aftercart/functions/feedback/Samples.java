package dev.aftercart.functions.feedback;

import dev.aftercart.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The sample events of {@code infra/events/}, the contract, found upwards from the module Surefire runs in. */
final class Samples {

    private Samples() {
    }

    /** A sample as text, e.g. {@code text("ses/bounce-permanent.json")}. */
    static String text(String path) {
        try {
            return Files.readString(root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A sample as a map whose objects can be changed (its arrays cannot). */
    static Map<String, Object> event(String path) {
        return Json.parseObject(text(path));
    }

    private static Path root() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path events = dir.resolve("infra").resolve("events");
            if (Files.isDirectory(events.resolve("ses")) && Files.isDirectory(events.resolve("sms"))) {
                return events;
            }
        }
        throw new IllegalStateException("no infra/events above " + System.getProperty("user.dir"));
    }
}
