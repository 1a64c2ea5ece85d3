package dev.aftercart.infra.events;

import dev.aftercart.core.event.EventParser;
import dev.aftercart.core.event.InvalidEventException;
import dev.aftercart.core.event.ShopEvent;
import dev.aftercart.core.event.Violation;
import dev.aftercart.core.json.Json;
import java.util.stream.Collectors;

/** The production parser's verdict, exactly as an event Lambda reaches it. */
final class ParserJudge {

    private static final EventParser PARSER = EventParser.forAllDetailTypes();

    private ParserJudge() {
    }

    static ShopEvent parse(String json) {
        return PARSER.parse(Json.parseObject(json));
    }

    static Verdict judge(String json) {
        try {
            parse(json);
            return Verdict.accept();
        } catch (InvalidEventException e) {
            return Verdict.reject(e.violations().stream().map(Violation::field).collect(Collectors.toSet()),
                    e.getMessage());
        }
    }
}
