package dev.aftercart.core.port;

import dev.aftercart.core.render.SmsMessage;

public interface SmsSender {

    Delivery send(SmsMessage message);
}
