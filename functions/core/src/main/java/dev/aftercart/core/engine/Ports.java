package dev.aftercart.core.engine;

import dev.aftercart.core.port.Catalog;
import dev.aftercart.core.port.CustomerStore;
import dev.aftercart.core.port.EmailSender;
import dev.aftercart.core.port.EventPublisher;
import dev.aftercart.core.port.MessageLedger;
import dev.aftercart.core.port.MessageScheduler;
import dev.aftercart.core.port.SendingReputation;
import dev.aftercart.core.port.SmsOptOutList;
import dev.aftercart.core.port.SmsSender;
import java.time.Clock;

/** The adapters one deployment plugs into the engine: AWS on Lambda, local ones in the runner, fakes in tests. */
public record Ports(
        CustomerStore customers,
        MessageLedger ledger,
        Catalog catalog,
        MessageScheduler scheduler,
        EmailSender email,
        SmsSender sms,
        EventPublisher events,
        SmsOptOutList smsOptOuts,
        SendingReputation reputation,
        Clock clock) {
}
