# __init_subclass__ and __class_getitem__ are implicit classmethods: super().__init_subclass__()
# passes the class along a chain of them, and both show as classmethods in the class __dict__.
class Registry:
    seen = []

    def __init_subclass__(cls, /, tag=None, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.seen.append((cls.__name__, tag))


class Middle(Registry):
    def __init_subclass__(cls, **kwargs):
        kwargs.setdefault("tag", "from-middle")
        super().__init_subclass__(**kwargs)


class Leaf(Middle, tag="leaf"):
    pass


class Other(Middle):
    pass


print(Registry.seen)
print(type(Registry.__dict__["__init_subclass__"]).__name__)
Registry.__init_subclass__(tag="direct")
print(Registry.seen[-1])


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


class SubBox(Box):
    def __class_getitem__(cls, item):
        return "sub:" + super().__class_getitem__(item)


print(Box[int], SubBox[str], type(Box.__dict__["__class_getitem__"]).__name__)
