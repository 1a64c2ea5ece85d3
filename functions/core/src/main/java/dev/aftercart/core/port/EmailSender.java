package dev.aftercart.core.port;

import dev.aftercart.core.render.EmailMessage;

public interface EmailSender {

    Delivery send(EmailMessage message);
}
