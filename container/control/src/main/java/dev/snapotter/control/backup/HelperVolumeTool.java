package dev.snapotter.control.backup;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@link DataVolumeTool} as helper containers: one fresh, network-less container per command. */
public final class HelperVolumeTool implements DataVolumeTool {

    static final String ARCHIVE = "archive.tar.gz";
    static final String OUTPUT = "backup.tar.gz";

    private final VolumeToolContainer helper;

    public HelperVolumeTool(VolumeToolContainer helper) {
        this.helper = helper;
    }

    @Override
    public HelperResult backup(boolean includeModels, char[] passphrase, OutputStream out) {
        List<String> args = new ArrayList<>(List.of("backup", "--data", VolumeToolContainer.DATA_DIR,
                "--out", VolumeToolContainer.IO_DIR + "/" + OUTPUT));
        if (includeModels) args.add("--include-models");
        return helper.run(new HelperRun("backup", args, false, secret(passphrase), Optional.of(OUTPUT)), out);
    }

    @Override
    public HelperResult verify(Path archive, char[] passphrase) {
        List<HelperRun.StagedFile> in = new ArrayList<>(secret(passphrase));
        in.add(HelperRun.StagedFile.of(ARCHIVE, archive));
        return helper.run(new HelperRun("verify", List.of("verify", "--archive", VolumeToolContainer.IO_DIR + "/"
                + ARCHIVE), false, in, Optional.empty()), OutputStream.nullOutputStream());
    }

    @Override
    public HelperResult restore(Path archive, char[] passphrase) {
        List<HelperRun.StagedFile> in = new ArrayList<>(secret(passphrase));
        in.add(HelperRun.StagedFile.of(ARCHIVE, archive));
        return helper.run(new HelperRun("restore", List.of("restore", "--data", VolumeToolContainer.DATA_DIR,
                "--archive", VolumeToolContainer.IO_DIR + "/" + ARCHIVE), true, in, Optional.empty()),
                OutputStream.nullOutputStream());
    }

    @Override
    public HelperResult rollback() {
        return helper.run(new HelperRun("rollback", List.of("rollback", "--data", VolumeToolContainer.DATA_DIR),
                true, List.of(), Optional.empty()), OutputStream.nullOutputStream());
    }

    @Override
    public HelperResult status() {
        return helper.run(new HelperRun("status", List.of("status", "--data", VolumeToolContainer.DATA_DIR),
                false, List.of(), Optional.empty()), OutputStream.nullOutputStream());
    }

    @Override
    public HelperResult commit() {
        return helper.run(new HelperRun("commit", List.of("commit", "--data", VolumeToolContainer.DATA_DIR),
                true, List.of(), Optional.empty()), OutputStream.nullOutputStream());
    }

    /** The passphrase as a staged file (never argv, never env); empty when there is none. */
    private static List<HelperRun.StagedFile> secret(char[] passphrase) {
        if (passphrase == null || passphrase.length == 0) return List.of();
        java.nio.ByteBuffer encoded = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] exact = new byte[encoded.remaining()];
        encoded.get(exact);
        // encode() leaves a copy in its buffer: wipe it.
        Arrays.fill(encoded.array(), (byte) 0);
        return List.of(HelperRun.StagedFile.secret(VolumeToolContainer.PASSPHRASE_FILE, exact));
    }
}
