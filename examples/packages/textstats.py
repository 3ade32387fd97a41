"""Word statistics, written in English and imported by a French program (and an English one)."""


def word_count(text):
    return len(text.split())


def longest_word(text):
    return max(text.split(), key=len)


if __name__ == "__main__":
    print("textstats run as a program")
