package dev.snapotter.image.support;

/** One line of /proc/PID/status as the suite needs it (uid/gid: real, effective, saved, filesystem). */
public record ProcessInfo(int pid, int ppid, String uids, String gids, String capEff, String capBnd, String noNewPrivs, String cmdline) {

    static ProcessInfo parse(String line) {
        String[] f = line.split("\\|", 8);
        if (f.length < 8) throw new AssertionError("unexpected process line: " + line);
        return new ProcessInfo(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4], f[5], f[6], f[7].strip());
    }

    public boolean runsAs(int uid, int gid) {
        String u = uid + "," + uid + "," + uid + "," + uid;
        String g = gid + "," + gid + "," + gid + "," + gid;
        return uids.equals(u) && gids.equals(g);
    }
}
