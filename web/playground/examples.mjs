// Example programs, written once in English; the page shows each in the chosen language
// through the translator (the same one `multilingual translate` runs).
export const EXAMPLES = [
  { name: 'Hello', source: `name = "world"
print("Hello,", name)
for i in range(3):
    print(i, i * i)
` },
  { name: 'Functions', source: `def fibonacci(n):
    if n < 2:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

numbers = [fibonacci(i) for i in range(15)]
print(numbers)
print(sum(numbers), max(numbers))
` },
  { name: 'Classes', source: `class Animal:
    def __init__(self, name, sound):
        self.name = name
        self.sound = sound

    def speak(self):
        return f"{self.name}: {self.sound}!"

for animal in [Animal("cat", "meow"), Animal("dog", "woof")]:
    print(animal.speak())
` },
  { name: 'Generators', source: `def countdown(n):
    while n > 0:
        yield n
        n -= 1

print(list(countdown(5)))
squares = {x: x * x for x in countdown(4)}
print(squares)
` },
  { name: 'Errors', source: `def divide(a, b):
    return a / b

try:
    divide(1, 0)
except ZeroDivisionError:
    print("caught")
print(divide(10, 4))
print(divide(1, 0))
` },
  { name: 'Endless loop', source: `i = 0
while True:
    i = i + 1
    if i % 1000000 == 0:
        print(i)
` },
];
