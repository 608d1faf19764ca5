package dev.restoredrill.concurrent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentWorkTest {

    @Test
    void withSlotsTheTasksRunAtOnceAndTheirResultsComeInTheirOrder() {
        // Each task waits for the other: they can only both finish if they run at the same time.
        CountDownLatch both = new CountDownLatch(2);
        Callable<String> meet = () -> {
            both.countDown();
            return both.await(10, TimeUnit.SECONDS) ? Thread.currentThread().getName() : "alone";
        };

        List<String> results = ConcurrentWork.run("meet", 2, List.of(meet, meet));

        assertThat(results).hasSize(2).allSatisfy(name -> assertThat(name).startsWith("meet-"));
    }

    @Test
    void withOneSlotTheyRunOneAfterAnotherOnTheCallersThread() {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        String caller = Thread.currentThread().getName();
        List<Callable<String>> tasks = List.of("a", "b", "c").stream().map(name -> (Callable<String>) () -> {
            order.add(name);
            return Thread.currentThread().getName();
        }).toList();

        assertThat(ConcurrentWork.run("serial", 1, tasks)).containsOnly(caller);
        assertThat(order).containsExactly("a", "b", "c");
    }

    @Test
    void aFailureLetsTheOthersFinishThenTheFirstInTheTasksOrderIsThrown() {
        for (int slots : new int[] {1, 3}) {
            List<String> finished = Collections.synchronizedList(new ArrayList<>());
            List<Callable<String>> tasks = List.of(
                    () -> {
                        finished.add("ok");
                        return "ok";
                    },
                    () -> {
                        throw new IllegalStateException("first");
                    },
                    () -> {
                        throw new java.io.IOException("second");
                    },
                    () -> {
                        finished.add("last");
                        return "last";
                    });

            assertThatThrownBy(() -> ConcurrentWork.run("fail", slots, tasks)).as(slots + " slot(s)")
                    .isInstanceOf(IllegalStateException.class).hasMessage("first");
            assertThat(finished).as(slots + " slot(s)").containsExactlyInAnyOrder("ok", "last");
        }
    }

    @Test
    void anInterruptCancelsWhatRunsAndKeepsTheInterrupt() {
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> quick = () -> "done";
        Callable<String> stuck = () -> {
            started.countDown();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            return "never";
        };
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
                caller.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();

        List<String> results = ConcurrentWork.run("stuck", 2, List.of(quick, stuck));

        assertThat(Thread.interrupted()).as("the interrupt is kept (and cleared here)").isTrue();
        assertThat(results).hasSize(2).last().as("the stuck task's result").isNull();
    }
}
