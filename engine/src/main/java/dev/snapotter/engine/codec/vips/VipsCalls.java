package dev.snapotter.engine.codec.vips;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Every libvips/GLib function the backend calls, as FFM downcall handles. Variadic functions get one
 * handle per argument list shape; the comment on each gives the C call it stands for. Handles are
 * created once, when the library loads, so a missing symbol fails the load instead of a job.
 */
final class VipsCalls {

    // GLib / GObject (found through libvips' own dependencies)
    final MethodHandle gFree;          // void g_free(void*)
    final MethodHandle gObjectUnref;   // void g_object_unref(void*)

    // errors and accounting
    final MethodHandle errorBufferCopy; // char* vips_error_buffer_copy(void)   (clears the buffer)
    final MethodHandle trackedMem;      // size_t vips_tracked_get_mem(void)
    final MethodHandle trackedAllocs;   // int vips_tracked_get_allocs(void)
    final MethodHandle trackedFiles;    // int vips_tracked_get_files(void)

    // sources and loading
    final MethodHandle sourceNewFromFile;  // VipsSource* vips_source_new_from_file(const char*)
    final MethodHandle imageNewFromSource; // vips_image_new_from_source(src, "", "access", int, "fail_on", int, NULL)
    final MethodHandle thumbnailSource;    // vips_thumbnail_source(src, &out, w, "height", int, "size", int, "option_string", char*, NULL)

    // operations (all: in, &out, [args], NULL)
    final MethodHandle autorot;        // vips_autorot(in, &out, NULL)
    final MethodHandle copy;           // vips_copy(in, &out, NULL)
    final MethodHandle colourspace;    // vips_colourspace(in, &out, space, NULL)
    final MethodHandle cast;           // vips_cast(in, &out, format, NULL)
    final MethodHandle extractBands;   // vips_extract_band(in, &out, first, "n", n, NULL)
    final MethodHandle resize;         // vips_resize(in, &out, hscale, "vscale", v, "kernel", k, NULL)

    // memory and buffers
    final MethodHandle writeToMemory;     // void* vips_image_write_to_memory(in, size_t*)
    final MethodHandle newFromMemoryCopy; // VipsImage* vips_image_new_from_memory_copy(data, size, w, h, bands, format)
    final MethodHandle writeToBuffer;     // vips_image_write_to_buffer(in, ".jpg[Q=85]", &buf, &size, NULL)

    // image fields and metadata
    final MethodHandle width, height, bands, format, interpretation; // int vips_image_get_*(const VipsImage*)
    final MethodHandle setBlobCopy;   // void vips_image_set_blob_copy(img, name, data, size)
    final MethodHandle setInt;        // void vips_image_set_int(img, name, int)
    final MethodHandle remove;        // gboolean vips_image_remove(img, name)

    VipsCalls(VipsLibrary lib) {
        gFree = lib.handle("g_free", FunctionDescriptor.ofVoid(ADDRESS));
        gObjectUnref = lib.handle("g_object_unref", FunctionDescriptor.ofVoid(ADDRESS));
        errorBufferCopy = lib.handle("vips_error_buffer_copy", FunctionDescriptor.of(ADDRESS));
        trackedMem = lib.handle("vips_tracked_get_mem", FunctionDescriptor.of(JAVA_LONG));
        trackedAllocs = lib.handle("vips_tracked_get_allocs", FunctionDescriptor.of(JAVA_INT));
        trackedFiles = lib.handle("vips_tracked_get_files", FunctionDescriptor.of(JAVA_INT));

        sourceNewFromFile = lib.handle("vips_source_new_from_file", FunctionDescriptor.of(ADDRESS, ADDRESS));
        imageNewFromSource = variadic(lib, "vips_image_new_from_source", ADDRESS, 2,
                ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        thumbnailSource = variadic(lib, "vips_thumbnail_source", JAVA_INT, 3,
                ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, ADDRESS, ADDRESS);

        autorot = variadic(lib, "vips_autorot", JAVA_INT, 2, ADDRESS, ADDRESS, ADDRESS);
        copy = variadic(lib, "vips_copy", JAVA_INT, 2, ADDRESS, ADDRESS, ADDRESS);
        colourspace = variadic(lib, "vips_colourspace", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        cast = variadic(lib, "vips_cast", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS);
        extractBands = variadic(lib, "vips_extract_band", JAVA_INT, 3, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS);
        resize = variadic(lib, "vips_resize", JAVA_INT, 3,
                ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS, JAVA_DOUBLE, ADDRESS, JAVA_INT, ADDRESS);

        writeToMemory = lib.handle("vips_image_write_to_memory", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        newFromMemoryCopy = lib.handle("vips_image_new_from_memory_copy",
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        writeToBuffer = variadic(lib, "vips_image_write_to_buffer", JAVA_INT, 4, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS);

        width = lib.handle("vips_image_get_width", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        height = lib.handle("vips_image_get_height", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        bands = lib.handle("vips_image_get_bands", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        format = lib.handle("vips_image_get_format", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        interpretation = lib.handle("vips_image_get_interpretation", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        setBlobCopy = lib.handle("vips_image_set_blob_copy", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
        setInt = lib.handle("vips_image_set_int", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, JAVA_INT));
        remove = lib.handle("vips_image_remove", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    }

    /** A handle for a C function whose arguments from {@code firstVariadic} on are "..." . */
    private static MethodHandle variadic(VipsLibrary lib, String name, MemoryLayout result, int firstVariadic, MemoryLayout... args) {
        return lib.handle(name, FunctionDescriptor.of(result, args), Linker.Option.firstVariadicArg(firstVariadic));
    }
}
