package dev.aftercart.benchmarks;

import dev.aftercart.core.engine.Policies;
import dev.aftercart.core.journey.JourneyCatalog;
import dev.aftercart.core.render.Templates;

/**
 * Journeys, policies and templates from the classpath, loaded once and shared, as a warm Lambda
 * container shares them; templates compile on first use and stay compiled.
 */
record StoreOwnerData(JourneyCatalog journeys, Policies policies, Templates templates) {

    static StoreOwnerData fromClasspath() {
        return new StoreOwnerData(JourneyCatalog.fromClasspath(), Policies.fromClasspath(), Templates.fromClasspath());
    }
}
