package dev.aftercart.infra.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aftercart.local.SamTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The scripts under infra/localstack/ cannot run here (they need Docker and an emulator), so this
 * keeps them honest without running them: shellcheck is clean, and every template parameter they
 * pass, stack output they read and repository path they name exists.
 */
class LocalCloudScriptsTest {

    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final Path SCRIPTS = ROOT.resolve("infra/localstack");
    static final SamTemplate TEMPLATE = read();

    /** {@code Name=} after {@code --parameter-overrides}, up to the next option. */
    static final Pattern OVERRIDE = Pattern.compile("^([A-Za-z0-9]+)=");
    static final Pattern PARAMETER_KEY = Pattern.compile("ParameterKey=([A-Za-z0-9]+)");
    static final Pattern OUTPUT_KEY = Pattern.compile("OutputKey\\s*==\\s*['`\"]?([A-Za-z0-9]+)");
    static final Pattern REPO_PATH = Pattern.compile("\\b(?:infra|functions)/[A-Za-z0-9_./-]*[A-Za-z0-9_]");
    static final Pattern IMAGE = Pattern.compile("localstack/localstack:[0-9][A-Za-z0-9._-]*");

    @Test
    void everyScript_passesShellcheck() throws Exception {
        Assumptions.assumeTrue(shellcheckInstalled(),
                "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck; macOS: brew install shellcheck)");
        // -x follows the scripts' `. infra/localstack/env.sh`, so what they share is checked where it is used.
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        scripts().forEach(script -> command.add(ROOT.relativize(script).toString()));
        command.add("aftercart");
        command.add(".ci/run");

        Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("shellcheck finished").isTrue();

        assertThat(process.exitValue()).as("%s%n%s", String.join(" ", command), output).isZero();
    }

    @Test
    void everyParameterTheScriptsPass_isATemplateParameter() throws IOException {
        Set<String> passed = parametersPassed();

        assertThat(passed).as("parameters passed by infra/localstack/*.sh").isNotEmpty();
        assertThat(templateSection("Parameters").keySet()).as("template.yaml's Parameters").containsAll(passed);
    }

    @Test
    void everyTemplateParameterWithoutADefault_isPassedByTheScripts() throws IOException {
        Set<String> required = new LinkedHashSet<>(templateSection("Parameters").keySet());
        required.removeAll(TEMPLATE.parameterDefaults().keySet());

        assertThat(parametersPassed()).as("parameters passed by infra/localstack/*.sh: each of template.yaml's"
                + " parameters without a default needs a value").containsAll(required);
    }

    @Test
    void everyStackOutputTheScriptsRead_isATemplateOutput() throws IOException {
        Set<String> read = new LinkedHashSet<>();
        for (Path script : scripts()) {
            read.addAll(matches(OUTPUT_KEY, Files.readString(script)));
        }

        assertThat(read).as("outputs read by infra/localstack/*.sh").isNotEmpty();
        assertThat(templateSection("Outputs").keySet()).as("template.yaml's Outputs").containsAll(read);
    }

    @Test
    void everyRepositoryPathTheScriptsName_exists() throws IOException {
        Map<String, Path> named = new LinkedHashMap<>();
        for (Path script : scripts()) {
            Matcher m = REPO_PATH.matcher(Files.readString(script));
            while (m.find()) {
                named.putIfAbsent(m.group(), script.getFileName());
            }
        }

        assertThat(named).as("paths named by infra/localstack/*.sh").containsKey("infra/events/samples");
        named.forEach((path, script) -> assertThat(ROOT.resolve(path)).as("%s names %s", script, path).exists());
        try (Stream<Path> samples = Files.list(ROOT.resolve("infra/events/samples"))) {
            assertThat(samples.filter(p -> p.toString().endsWith(".json"))).as("sample events").isNotEmpty();
        }
    }

    @Test
    void composeFileAndCiWorkflow_pinTheSameLocalStackImage() throws IOException {
        List<String> compose = matches(IMAGE, Files.readString(SCRIPTS.resolve("compose.yaml")));
        List<String> workflow = matches(IMAGE, Files.readString(ROOT.resolve(".github/workflows/ci.yml")));

        assertThat(compose).as("compose.yaml pins a LocalStack version").hasSize(1);
        assertThat(workflow).as("ci.yml's LocalStack service").containsOnly(compose.get(0));
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.list(SCRIPTS)) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
            assertThat(scripts).extracting(p -> p.getFileName().toString())
                    .contains("deploy.sh", "smoke.sh", "teardown.sh");
            return scripts;
        }
    }

    /** Each parameter a script passes: {@code --parameter-overrides A=.. B=..} or {@code ParameterKey=A}. */
    private static Set<String> parametersPassed() throws IOException {
        Set<String> passed = new LinkedHashSet<>();
        for (Path script : scripts()) {
            for (String line : commandLines(Files.readString(script))) {
                passed.addAll(matches(PARAMETER_KEY, line));
                int at = line.indexOf("--parameter-overrides");
                if (at < 0) {
                    continue;
                }
                for (String token : line.substring(at + "--parameter-overrides".length()).trim().split("\\s+")) {
                    if (token.startsWith("-")) {
                        break;
                    }
                    Matcher m = OVERRIDE.matcher(token);
                    if (m.find()) {
                        passed.add(m.group(1));
                    }
                }
            }
        }
        return passed;
    }

    /** The script's lines with backslash continuations joined, so one command is one line. */
    private static List<String> commandLines(String script) {
        return List.of(script.replace("\\\n", " ").split("\n"));
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.groupCount() > 0 ? m.group(1) : m.group());
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> templateSection(String name) {
        return (Map<String, Object>) TEMPLATE.root().getOrDefault(name, Map.of());
    }

    private static SamTemplate read() {
        try {
            return SamTemplate.parse(Files.readString(ROOT.resolve("template.yaml")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean shellcheckInstalled() {
        try {
            Process probe = new ProcessBuilder("shellcheck", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
