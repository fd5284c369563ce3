package org.issa.tcw.discussion;

/** The small fixed set of reactions a post can get. */
public enum Reaction {
    THUMBS_UP("👍"), HEART("❤️"), LAUGH("😄"), HOORAY("🎉"), EYES("👀"), THINKING("🤔");

    private final String emoji;

    Reaction(String emoji) {
        this.emoji = emoji;
    }

    public String emoji() {
        return emoji;
    }
}
