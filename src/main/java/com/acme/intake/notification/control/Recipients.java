package com.acme.intake.notification.control;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import com.acme.intake.notification.entity.Notice;

/**
 * Who is told about a notice: the requester about their request; about a task, its assignee and
 * every user of its candidate groups (each group is the role of the same name), except the
 * requester, who may not review their own request (four-eyes).
 */
public final class Recipients {

    private Recipients() {
    }

    /**
     * @param usersInGroup the user names of a candidate group
     * @return user names, assignee first, then the rest sorted; never null
     */
    public static Set<String> of(Notice notice, Function<String, ? extends Collection<String>> usersInGroup) {
        Set<String> names = new LinkedHashSet<>();
        if (notice.kind().forRequester()) {
            if (notice.requester() != null) {
                names.add(notice.requester());
            }
            return names;
        }
        if (notice.assignee() != null) {
            names.add(notice.assignee());
        }
        Set<String> members = new TreeSet<>();
        for (String group : notice.candidateGroups()) {
            members.addAll(usersInGroup.apply(group));
        }
        names.addAll(members);
        names.remove(notice.requester());
        return names;
    }
}
