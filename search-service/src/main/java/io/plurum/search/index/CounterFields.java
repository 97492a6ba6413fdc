package io.plurum.search.index;

import java.io.IOException;
import java.time.Instant;

import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.util.NumericUtils;

/**
 * An experience's counters as numeric doc values, one field each: doubles as sortable longs (the quality filter is a
 * range over them), counts as they are, the update time in nanoseconds since the epoch ({@link Long#MIN_VALUE} for
 * none). Every field is written with every value, so that an update of all of them leaves nothing stale.
 */
final class CounterFields {

    private static final long NO_TIME = Long.MIN_VALUE;
    private static final long NANOS = 1_000_000_000L;

    private CounterFields() {
    }

    static Field[] of(ExperienceCounters c) {
        return new Field[] {
                new NumericDocValuesField(Fields.QUALITY, NumericUtils.doubleToSortableLong(c.qualityScore())),
                new NumericDocValuesField(Fields.SUCCESS_RATE, NumericUtils.doubleToSortableLong(c.successRate())),
                new NumericDocValuesField(Fields.TOTAL_REPORTS, c.totalReports()),
                new NumericDocValuesField(Fields.SUCCESS_COUNT, c.successCount()),
                new NumericDocValuesField(Fields.FAILURE_COUNT, c.failureCount()),
                new NumericDocValuesField(Fields.UPVOTES, c.upvotes()),
                new NumericDocValuesField(Fields.DOWNVOTES, c.downvotes()),
                new NumericDocValuesField(Fields.ACQUISITIONS, c.acquisitions()),
                new NumericDocValuesField(Fields.UPDATED_AT, nanos(c.updatedAt()))};
    }

    /** The counters of a document of the leaf, by its doc id within the leaf. */
    static ExperienceCounters read(LeafReader leaf, int doc) throws IOException {
        return new ExperienceCounters(
                NumericUtils.sortableLongToDouble(value(leaf, Fields.QUALITY, doc)),
                NumericUtils.sortableLongToDouble(value(leaf, Fields.SUCCESS_RATE, doc)),
                (int) value(leaf, Fields.TOTAL_REPORTS, doc), (int) value(leaf, Fields.SUCCESS_COUNT, doc),
                (int) value(leaf, Fields.FAILURE_COUNT, doc), (int) value(leaf, Fields.UPVOTES, doc),
                (int) value(leaf, Fields.DOWNVOTES, doc), (int) value(leaf, Fields.ACQUISITIONS, doc),
                instant(value(leaf, Fields.UPDATED_AT, doc)));
    }

    private static long value(LeafReader leaf, String field, int doc) throws IOException {
        NumericDocValues values = DocValues.getNumeric(leaf, field);
        if (!values.advanceExact(doc)) {
            throw new IllegalStateException("experience document " + doc + " has no " + field);
        }
        return values.longValue();
    }

    private static long nanos(Instant time) {
        return time == null ? NO_TIME
                : Math.addExact(Math.multiplyExact(time.getEpochSecond(), NANOS), time.getNano());
    }

    private static Instant instant(long nanos) {
        return nanos == NO_TIME ? null : Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
