package dev.snapotter.engine.codec.vips;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Every libvips/GLib function the backend calls, as FFM downcalls. Variadic functions get one
 * handle per argument list shape; the comment on each gives the C call it stands for. Symbols are
 * looked up once, when the library loads, so a missing symbol fails the load instead of a job; the
 * handles themselves are linked on first use ({@link Downcall}), which keeps a one-shot CLI run short.
 */
final class VipsCalls {

    // GLib / GObject (found through libvips' own dependencies)
    final Downcall gFree;          // void g_free(void*)
    final Downcall gObjectUnref;   // void g_object_unref(void*)

    // errors and accounting
    final Downcall errorBufferCopy; // char* vips_error_buffer_copy(void)   (clears the buffer)
    final Downcall errorBuffer;     // const char* vips_error_buffer(void)  (a peek; libvips owns the text)
    final Downcall trackedMem;      // size_t vips_tracked_get_mem(void)
    final Downcall trackedAllocs;   // int vips_tracked_get_allocs(void)
    final Downcall trackedFiles;    // int vips_tracked_get_files(void)

    // sources and loading
    final Downcall sourceNewFromFile;  // VipsSource* vips_source_new_from_file(const char*)
    final Downcall imageNewFromSource; // vips_image_new_from_source(src, "", "access", int, "fail_on", int, NULL)
    final Downcall thumbnailSource;    // vips_thumbnail_source(src, &out, w, "height", int, "size", int, "option_string", char*, NULL)

    // operations (all: in, &out, [args], NULL)
    final Downcall autorot;        // vips_autorot(in, &out, NULL)
    final Downcall copy;           // vips_copy(in, &out, NULL)
    final Downcall copyAs;         // vips_copy(in, &out, "interpretation", int, NULL)
    final Downcall colourspace;    // vips_colourspace(in, &out, space, NULL)
    final Downcall cast;           // vips_cast(in, &out, format, NULL)
    final Downcall extractBands;   // vips_extract_band(in, &out, first, "n", n, NULL)
    final Downcall resize;         // vips_resize(in, &out, hscale, "vscale", v, "kernel", k, NULL)

    // memory and buffers
    final Downcall writeToMemory;     // void* vips_image_write_to_memory(in, size_t*)
    final Downcall newFromMemoryCopy; // VipsImage* vips_image_new_from_memory_copy(data, size, w, h, bands, format)
    final Downcall writeToBuffer;     // vips_image_write_to_buffer(in, ".jpg[Q=85]", &buf, &size, NULL)

    // image fields and metadata
    final Downcall width, height, bands, format, interpretation; // int vips_image_get_*(const VipsImage*)
    final Downcall setBlobCopy;   // void vips_image_set_blob_copy(img, name, data, size)
    final Downcall setInt;        // void vips_image_set_int(img, name, int)
    final Downcall remove;        // gboolean vips_image_remove(img, name)

    VipsCalls(VipsLibrary lib) {
        gFree = lib.downcall("g_free", FunctionDescriptor.ofVoid(ADDRESS));
        gObjectUnref = lib.downcall("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        errorBufferCopy = lib.downcall("vips_error_buffer_copy", FunctionDescriptor.of(ADDRESS));
        errorBuffer = lib.downcall("vips_error_buffer", FunctionDescriptor.of(ADDRESS));
        trackedMem = lib.downcall("vips_tracked_get_mem", FunctionDescriptor.of(JAVA_LONG));
        trackedAllocs = lib.downcall("vips_tracked_get_allocs", FunctionDescriptor.of(JAVA_INT));
        trackedFiles = lib.downcall("vips_tracked_get_files", FunctionDescriptor.of(JAVA_INT));

        sourceNewFromFile = lib.downcall("vips_source_new_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS));
        imageNewFromSource = variadic(lib, "vips_image_new_from_source", ADDRESS, 2,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        thumbnailSource = variadic(lib, "vips_thumbnail_source", JAVA_INT, 3,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);

        autorot = variadic(lib, "vips_autorot", JAVA_INT, 2, ADDRESS, ADDRESS, ADDRESS);
        copy = variadic(lib, "vips_copy", JAVA_INT, 2, ADDRESS, ADDRESS, ADDRESS);
        copyAs = variadic(lib, "vips_copy", JAVA_INT, 2, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        colourspace = variadic(lib, "vips_colourspace", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        cast = variadic(lib, "vips_cast", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        extractBands = variadic(lib, "vips_extract_band", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        resize = variadic(lib, "vips_resize", JAVA_INT, 3,
                ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS);

        writeToMemory = lib.downcall("vips_image_write_to_memory", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        newFromMemoryCopy = lib.downcall("vips_image_new_from_memory_copy",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        writeToBuffer = variadic(lib, "vips_image_write_to_buffer", JAVA_INT, 4, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

        width = lib.downcall("vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        height = lib.downcall("vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        bands = lib.downcall("vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        format = lib.downcall("vips_image_get_format", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        interpretation = lib.downcall("vips_image_get_interpretation", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        setBlobCopy = lib.downcall("vips_image_set_blob_copy", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        setInt = lib.downcall("vips_image_set_int", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT));
        remove = lib.downcall("vips_image_remove", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /** A handle for a C function whose arguments from {@code firstVariadic} on are "..." . */
    private static Downcall variadic(VipsLibrary lib, String name, MemoryLayout result, int firstVariadic, MemoryLayout... args) {
        return lib.downcall(name, FunctionDescriptor.of(result, args), Linker.Option.firstVariadicArg(firstVariadic));
    }
}
