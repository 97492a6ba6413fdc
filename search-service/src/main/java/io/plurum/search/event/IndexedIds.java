package io.plurum.search.event;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the updater last indexed for each id: the hash of the searchable content and of the whole state. Ids are
 * UUIDs, kept as their two longs in one open-addressing table (linear probing, four longs a slot): at a million ids
 * about 70 MB, where a HashMap of strings would take three times as much. Used by one thread only.
 *
 * <p>Each id also carries a mark, set whenever it is put: a replay clears the marks first, so that afterwards the ids
 * left unmarked are those no record of the topics holds anymore.
 */
final class IndexedIds {

    private static final int SLOT = 4;
    private static final byte EMPTY = 0;
    private static final byte UNMARKED = 1;
    private static final byte MARKED = 2;

    private long[] slots;
    private byte[] states;
    private int size;

    IndexedIds() {
        allocate(1024);
    }

    /** What was indexed for the id, or null. */
    Indexed get(UUID id) {
        int slot = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        return states[slot] == EMPTY ? null : new Indexed(slots[slot * SLOT + 2], slots[slot * SLOT + 3]);
    }

    /** Records what is indexed for the id now, and marks it. */
    void put(UUID id, long contentHash, long stateHash) {
        if (size + 1 > states.length * 3L / 4) {
            grow();
        }
        int slot = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (states[slot] == EMPTY) {
            size++;
        }
        set(slot, id.getMostSignificantBits(), id.getLeastSignificantBits(), contentHash, stateHash, MARKED);
    }

    void remove(UUID id) {
        int hole = find(id.getMostSignificantBits(), id.getLeastSignificantBits());
        if (states[hole] == EMPTY) {
            return;
        }
        size--;
        // Backward-shift deletion: later entries of the probe sequence move up, so no lookup stops at the hole early.
        int mask = states.length - 1;
        for (int next = (hole + 1) & mask; states[next] != EMPTY; next = (next + 1) & mask) {
            int home = home(slots[next * SLOT], slots[next * SLOT + 1]);
            boolean reachableFromHole = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (reachableFromHole) {
                System.arraycopy(slots, next * SLOT, slots, hole * SLOT, SLOT);
                states[hole] = states[next];
                hole = next;
            }
        }
        states[hole] = EMPTY;
    }

    int size() {
        return size;
    }

    void clearMarks() {
        for (int i = 0; i < states.length; i++) {
            if (states[i] == MARKED) {
                states[i] = UNMARKED;
            }
        }
    }

    /** The ids not put since the marks were cleared. */
    List<UUID> unmarked() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < states.length; i++) {
            if (states[i] == UNMARKED) {
                ids.add(new UUID(slots[i * SLOT], slots[i * SLOT + 1]));
            }
        }
        return ids;
    }

    /** The slot that holds the id, or the empty one where it would go. */
    private int find(long high, long low) {
        int mask = states.length - 1;
        int slot = home(high, low);
        while (states[slot] != EMPTY && (slots[slot * SLOT] != high || slots[slot * SLOT + 1] != low)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private int home(long high, long low) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h & (states.length - 1);
    }

    private void set(int slot, long high, long low, long contentHash, long stateHash, byte state) {
        slots[slot * SLOT] = high;
        slots[slot * SLOT + 1] = low;
        slots[slot * SLOT + 2] = contentHash;
        slots[slot * SLOT + 3] = stateHash;
        states[slot] = state;
    }

    private void grow() {
        long[] oldSlots = slots;
        byte[] oldStates = states;
        allocate(oldStates.length * 2);
        for (int i = 0; i < oldStates.length; i++) {
            if (oldStates[i] != EMPTY) {
                set(find(oldSlots[i * SLOT], oldSlots[i * SLOT + 1]), oldSlots[i * SLOT], oldSlots[i * SLOT + 1],
                        oldSlots[i * SLOT + 2], oldSlots[i * SLOT + 3], oldStates[i]);
            }
        }
    }

    private void allocate(int capacity) {
        slots = new long[capacity * SLOT];
        states = new byte[capacity];
    }

    /** The hashes of what is indexed for an id. */
    record Indexed(long contentHash, long stateHash) {
    }
}
