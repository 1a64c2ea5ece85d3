package dev.aftercart.local;

import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template: its handler, code location, the
 * environment it is given, and its EventBridge rule patterns (with parameters resolved).
 */
public record TemplateFunction(
        String logicalId,
        String handler,
        String codeUri,
        Map<String, Object> environment,
        Map<String, String> eventPatterns) {

    /** The handler's class: {@code com.example.Handler::handleRequest} gives {@code com.example.Handler}. */
    public String handlerClass() {
        int separator = handler.indexOf("::");
        return separator < 0 ? handler : handler.substring(0, separator);
    }
}
