package dev.snapotter.desktop.backup;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * When the app backs up on its own while it is open: daily or weekly at a local time, into {@code destination},
 * keeping the newest {@code keepLast} scheduled backups there. Scheduled backups are not encrypted (nobody is
 * there to type a passphrase, and the app never stores one).
 */
public record BackupSchedule(boolean enabled, Frequency frequency, DayOfWeek day, LocalTime time, int keepLast,
                             String destination, boolean includeModels) {

    public enum Frequency { DAILY, WEEKLY }

    /** Scheduled backups get their own prefix: pruning never touches a backup the user made by hand. */
    public static final String PREFIX = "snapotter-scheduled";
    public static final int MAX_KEEP = 365;

    public BackupSchedule {
        if (frequency == null) frequency = Frequency.DAILY;
        if (day == null) day = DayOfWeek.SUNDAY;
        if (time == null) time = LocalTime.of(2, 0);
        if (keepLast < 1 || keepLast > MAX_KEEP) throw new IllegalArgumentException("keep between 1 and " + MAX_KEEP);
        if (destination == null) destination = "";
        if (enabled && destination.isBlank()) throw new IllegalArgumentException("a scheduled backup needs a folder");
    }

    public static BackupSchedule off() {
        return new BackupSchedule(false, Frequency.DAILY, DayOfWeek.SUNDAY, LocalTime.of(2, 0), 7, "", false);
    }

    /** The first run strictly after {@code now}, in {@code now}'s zone (a DST gap moves it forward, never back). */
    public ZonedDateTime nextRun(ZonedDateTime now) {
        ZonedDateTime candidate = now.with(time).withSecond(0).withNano(0);
        if (frequency == Frequency.WEEKLY) {
            candidate = candidate.with(TemporalAdjusters.nextOrSame(day));
            if (!candidate.isAfter(now)) candidate = candidate.plusWeeks(1);
        } else if (!candidate.isAfter(now)) {
            candidate = candidate.plusDays(1);
        }
        return candidate;
    }
}
