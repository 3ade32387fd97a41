# An English program using a package written in French, and an English module.
from geometrie import aire_cercle, Rectangle, decrire
import geometrie.formes as formes
import textstats

print(round(aire_cercle(2), 4))
r = Rectangle(3, 4)
print(r, r.aire(), decrire(r))
print(formes.PI, formes.__name__)
print(textstats.word_count("the quick brown fox"), textstats.longest_word("a bb ccc"))
if __name__ == "__main__":
    print("main:", __name__)
