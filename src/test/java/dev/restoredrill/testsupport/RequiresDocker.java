package dev.restoredrill.testsupport;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that needs the Docker engine. When none answers, the class fails at once with one line
 * saying what to do, instead of Testcontainers' minutes of retries. Never a skip: a missing engine is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerRequiredExtension.class)
public @interface RequiresDocker {
}
