package dev.aftercart.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** EventBridge Scheduler on virtual time: schedules fire in time order, once, unless cancelled. */
class LocalSchedulerTest {

    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private final LocalScheduler scheduler = new LocalScheduler();

    @Test
    void nextDue_returnsSchedulesInTimeOrder_onlyOnceTheyAreDue() {
        scheduler.schedule("later", "c-1", "m-later", NOON.plusSeconds(60));
        scheduler.schedule("sooner", "c-1", "m-sooner", NOON);

        assertThat(scheduler.nextDue(NOON.minusSeconds(1))).isEmpty();
        assertThat(scheduler.nextDue(NOON.plusSeconds(3600))).get().extracting(LocalScheduler.Schedule::name)
                .isEqualTo("sooner");
        assertThat(scheduler.nextDue(NOON.plusSeconds(3600))).get().extracting(LocalScheduler.Schedule::messageId)
                .isEqualTo("m-later");
        assertThat(scheduler.nextDue(NOON.plusSeconds(3600))).isEmpty();
    }

    @Test
    void schedule_withANameThatExists_isIgnored_likeAConflict() {
        scheduler.schedule("same", "c-1", "m-1", NOON);
        scheduler.schedule("same", "c-1", "m-1", NOON.plusSeconds(5));

        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(scheduler.created()).isEqualTo(1);
    }

    @Test
    void cancel_removesAPendingSchedule_andIgnoresOneThatIsGone() {
        scheduler.schedule("doomed", "c-1", "m-1", NOON);

        scheduler.cancel("doomed");
        scheduler.cancel("never-existed");

        assertThat(scheduler.nextDue(NOON.plusSeconds(60))).isEmpty();
        assertThat(scheduler.cancelled()).isEqualTo(1);
    }
}
