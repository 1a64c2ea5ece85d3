package dev.aftercart.aws.dynamodb;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Remembers every request a client sends and the operation's name, to pin requests and IAM actions. */
final class RecordingInterceptor implements ExecutionInterceptor {

    record Call(String operation, SdkRequest request) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests of one type, in the order sent. */
    <T extends SdkRequest> List<T> requests(Class<T> type) {
        return calls.stream().map(Call::request).filter(type::isInstance).map(type::cast).toList();
    }

    long count(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).count();
    }

    /** The IAM actions the calls so far needed, as {@code dynamodb:<Operation>}. */
    Set<String> iamActions() {
        Set<String> actions = new TreeSet<>();
        calls.forEach(call -> actions.add("dynamodb:" + call.operation()));
        return actions;
    }

    void clear() {
        calls.clear();
    }
}
