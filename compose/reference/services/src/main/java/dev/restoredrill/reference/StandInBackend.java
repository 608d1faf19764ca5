package dev.restoredrill.reference;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server's in-memory backend with the stand-in's collections and unique indexes
 * ({@link StandInDatabase}): same answers, less work per document at the sizes a drill restores.
 */
final class StandInBackend extends MemoryBackend {

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new StandInDatabase(databaseName, getCursorRegistry());
    }
}
