class Shape:
    def area(self):
        return 0


def make():
    return Shape()
