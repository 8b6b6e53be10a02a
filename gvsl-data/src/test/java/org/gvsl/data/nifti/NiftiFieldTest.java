package org.gvsl.data.nifti;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NiftiFieldTest {

    /** Our table against nibabel's declaration of the header (recorded in fixtures.json by make_fixtures.py). */
    @ParameterizedTest
    @EnumSource(NiftiFormat.class)
    void layoutIsNibabels(NiftiFormat format) {
        JsonNode theirs = Nibabel.fixtures().get("layout").get(format.name());
        assertEquals(NiftiField.values().length, theirs.size(), "the script lists the fields of our table");
        for (NiftiField field : NiftiField.values()) {
            JsonNode slot = theirs.get(field.standardName());
            NiftiField.Slot ours = field.slot(format);
            String what = format + " " + field.standardName();
            assertEquals(slot.get("offset").asInt(), ours.offset(), what + " offset");
            assertEquals(slot.get("type").asText(), ours.type().numpyCode(), what + " type");
            assertEquals(slot.get("count").asInt(), ours.count(), what + " count");
        }
    }

    @ParameterizedTest
    @EnumSource(NiftiFormat.class)
    void fieldsDoNotOverlapAndLieInTheHeader(NiftiFormat format) {
        List<NiftiField> byOffset = Arrays.stream(NiftiField.values())
                .sorted(Comparator.comparingInt(f -> f.slot(format).offset())).toList();
        int end = 0;
        for (NiftiField f : byOffset) {
            NiftiField.Slot s = f.slot(format);
            assertTrue(s.offset() >= end, format + " " + f + " at " + s.offset() + " overlaps the field before, which ends at " + end);
            end = s.offset() + s.size();
            assertEquals(0, s.offset() % s.type().bytes(), format + " " + f + " is aligned to its element size");
        }
        assertTrue(end <= format.headerSize(), format + ": the last field ends at " + end);
    }

    @ParameterizedTest
    @EnumSource(NiftiFormat.class)
    void valuesRoundTripInBothByteOrders(NiftiFormat format) {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            ByteBuffer b = ByteBuffer.allocate(format.headerSize()).order(order);
            long[] dim = {3, 300, 2, 7000, 1, 1, 1, 1};
            double[] pixdim = {-1, 0.5, 1.25, 3, 1, 1, 1, 1};
            NiftiField.DIM.putLongs(b, format, dim);
            NiftiField.PIXDIM.putDoubles(b, format, pixdim);
            NiftiField.XYZT_UNITS.putLong(b, format, 10);
            NiftiField.VOX_OFFSET.putLong(b, format, 352);
            NiftiField.DESCRIP.putString(b, format, "text");
            NiftiField.MAGIC.putString(b, format, format.magic());
            assertArrayEquals(dim, NiftiField.DIM.getLongs(b, format));
            assertArrayEquals(pixdim, NiftiField.PIXDIM.getDoubles(b, format));
            assertEquals(300, NiftiField.DIM.getLong(b, format, 1));
            assertEquals(10, NiftiField.XYZT_UNITS.getLong(b, format));
            assertEquals(352, NiftiField.VOX_OFFSET.getDouble(b, format));
            assertEquals("text", NiftiField.DESCRIP.getString(b, format));
            assertEquals(format.magic(), NiftiField.MAGIC.getRawString(b, format), "the magic keeps its NULs");
        }
    }

    @Test
    void storageFollowsTheTypeOfEachFormat() {
        ByteBuffer one = ByteBuffer.allocate(NiftiFormat.NIFTI_1.headerSize()).order(ByteOrder.LITTLE_ENDIAN);
        NiftiField.PIXDIM.putDouble(one, NiftiFormat.NIFTI_1, 1, 0.1);
        assertEquals(0.1f, NiftiField.PIXDIM.getDoubles(one, NiftiFormat.NIFTI_1)[1], 0, "float32 in NIfTI-1");
        ByteBuffer two = ByteBuffer.allocate(NiftiFormat.NIFTI_2.headerSize()).order(ByteOrder.LITTLE_ENDIAN);
        NiftiField.PIXDIM.putDouble(two, NiftiFormat.NIFTI_2, 1, 0.1);
        assertEquals(0.1, NiftiField.PIXDIM.getDoubles(two, NiftiFormat.NIFTI_2)[1], 0, "float64 in NIfTI-2");
        NiftiField.DIM.putLong(two, NiftiFormat.NIFTI_2, 1, 1L << 40);
        assertEquals(1L << 40, NiftiField.DIM.getLong(two, NiftiFormat.NIFTI_2, 1), "int64 dims in NIfTI-2");
        NiftiField.XYZT_UNITS.putLong(one, NiftiFormat.NIFTI_1, 200);
        assertEquals(200, NiftiField.XYZT_UNITS.getLong(one, NiftiFormat.NIFTI_1), "uint8, not a signed byte");
        NiftiField.DESCRIP.putString(one, NiftiFormat.NIFTI_1, "x".repeat(100));
        assertEquals("x".repeat(80), NiftiField.DESCRIP.getString(one, NiftiFormat.NIFTI_1), "cut to the field");
    }

    @Test
    void rejectsTheWrongNumberOfElements() {
        ByteBuffer b = ByteBuffer.allocate(NiftiFormat.NIFTI_1.headerSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NiftiField.SROW_X.putDoubles(b, NiftiFormat.NIFTI_1, 1, 2, 3));
        assertTrue(e.getMessage().contains("srow_x has 4 elements in NIFTI_1, got 3 values"), e.getMessage());
        IndexOutOfBoundsException i = assertThrows(IndexOutOfBoundsException.class,
                () -> NiftiField.DIM.getLong(b, NiftiFormat.NIFTI_1, 8));
        assertTrue(i.getMessage().contains("element 8 of a field of 8"), i.getMessage());
    }
}
