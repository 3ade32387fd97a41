import heapq, bisect, operator
h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
d = [9, 4, 7, 1]; heapq.heapify(d); print(d, heapq.heappushpop(d, 0), heapq.heapreplace(d, 10), d)
print(heapq.nlargest(2, [3, 1, 4, 1, 5]), heapq.nsmallest(3, [3, 1, 4, 1, 5], key=lambda v: -v))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6])), list(heapq.merge([7, 4], [8, 1], reverse=True)))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5), bisect.bisect_left(a, 3, key=None))
bisect.insort(a, 3); bisect.insort_left(a, 4); print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
print(operator.add(2, 3), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("xyz"))
print(operator.attrgetter("real")(3), operator.methodcaller("split", ",")("a,b"), operator.neg(4))
print(sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)), operator.contains([1], 1), operator.truth(0))
print(operator.iadd([1], [2]), operator.indexOf("abc", "c"), operator.countOf([1, 1, 2], 1), operator.not_(1))
