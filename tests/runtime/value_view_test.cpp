// Borrowed values (Value::bytes_view / numbers_view / matrix_view): the operations read the
// caller's memory in place, give the same results as with owned values on both machines, copy
// it out only when a vector is asked for, and let go of the owner with the last copy.
#include <gtest/gtest.h>

#include <memory>
#include <numeric>

#include "runtime/backend_selector.h"
#include "runtime/value.h"

using namespace ml::runtime;

namespace {

const std::string kKernelsDir = std::string(ML_BUILD_DIR) + "/kernels";

BackendSelector selector(Backend b) {
  BackendConfig c;
  c.kernels_dir = kKernelsDir;
  c.prefer_backend = b;
  return BackendSelector(c);
}

TEST(ValueView, ReadsInPlaceWithoutCopying) {
  auto owner = std::make_shared<std::vector<double>>(std::vector<double>{1, 2, 3, 4, 5, 6});
  Value m = Value::matrix_view(owner->data(), 2, 3, owner);
  EXPECT_TRUE(m.is_borrowed());
  EXPECT_EQ(m.kind(), Value::Kind::Matrix);
  EXPECT_EQ(m.matrix_rows(), 2);
  EXPECT_EQ(m.matrix_cols(), 3);
  EXPECT_EQ(m.doubles_view().data(), owner->data());  // the caller's memory itself
  // a vector asked for is a copy, made once, equal to an owned matrix of the same values
  const Matrix& copy = m.matrix_ref();
  EXPECT_NE(copy.data.data(), owner->data());
  EXPECT_EQ(&m.matrix_ref(), &copy);
  EXPECT_EQ(m, Value::matrix(Matrix{2, 3, *owner}));
  EXPECT_EQ(m.to_json(), "[[1.0,2.0,3.0],[4.0,5.0,6.0]]");

  std::string text = "bytes held elsewhere";
  auto text_owner = std::make_shared<std::string>(text);
  Value b = Value::bytes_view(reinterpret_cast<const uint8_t*>(text_owner->data()), text_owner->size(), text_owner);
  EXPECT_EQ(b.bytes_view().data(), reinterpret_cast<const uint8_t*>(text_owner->data()));
  EXPECT_EQ(b.as_bytes(), std::vector<uint8_t>(text.begin(), text.end()));
  Value n = Value::numbers_view(owner->data(), 4, owner);
  EXPECT_EQ(n.to_numbers(), (std::vector<double>{1, 2, 3, 4}));
  EXPECT_THROW(Value::integer(3).doubles_view(), ValueError);
  EXPECT_THROW(n.matrix_rows(), ValueError);
}

TEST(ValueView, OwnerLivesAsLongAsAnyCopy) {
  std::weak_ptr<std::vector<uint8_t>> watch;
  Value kept;
  {
    auto owner = std::make_shared<std::vector<uint8_t>>(std::vector<uint8_t>{1, 2, 3});
    watch = owner;
    Value v = Value::bytes_view(owner->data(), owner->size(), owner);
    kept = v;
  }
  EXPECT_FALSE(watch.expired());
  EXPECT_EQ(kept.as_bytes(), (std::vector<uint8_t>{1, 2, 3}));
  kept = Value::none();
  EXPECT_TRUE(watch.expired());
}

TEST(ValueView, OperationsGiveTheOwnedResultsOnBothMachines) {
  std::vector<double> a(40 * 30), b(30 * 20);
  std::iota(a.begin(), a.end(), -300.0);
  std::iota(b.begin(), b.end(), 7.0);
  auto pa = std::make_shared<std::vector<double>>(a), pb = std::make_shared<std::vector<double>>(b);
  std::vector<uint8_t> px(16 * 9 * 3);
  for (size_t i = 0; i < px.size(); ++i) px[i] = uint8_t(i * 37);
  auto ppx = std::make_shared<std::vector<uint8_t>>(px);
  auto key = std::make_shared<std::string>("key");
  const uint8_t* k = reinterpret_cast<const uint8_t*>(key->data());
  for (Backend be : {Backend::Native, Backend::Wasm}) {
    SCOPED_TRACE(to_string(be));
    auto sel = selector(be);
    Value owned = sel.call_function("matrix_multiply", {Value::matrix(Matrix{40, 30, a}), Value::matrix(Matrix{30, 20, b})});
    Value viewed = sel.call_function(
        "matrix_multiply", {Value::matrix_view(pa->data(), 40, 30, pa), Value::matrix_view(pb->data(), 30, 20, pb)});
    EXPECT_EQ(viewed, owned);
    EXPECT_EQ(*pa, a);  // the caller's memory is only read
    EXPECT_EQ(*pb, b);
    EXPECT_EQ(sel.call_function("matrix_transpose", {Value::matrix_view(pa->data(), 40, 30, pa)}),
              sel.call_function("matrix_transpose", {Value::matrix(Matrix{40, 30, a})}));
    EXPECT_EQ(sel.call_function("xor_cipher", {Value::bytes_view(ppx->data(), ppx->size(), ppx), Value::bytes_view(k, 3, key)}),
              sel.call_function("xor_cipher", {Value::bytes(px), Value::str("key")}));
    EXPECT_EQ(sel.call_function("image_blur", {Value::bytes_view(ppx->data(), ppx->size(), ppx), Value::integer(16),
                                               Value::integer(9), Value::integer(1)}),
              sel.call_function("image_blur", {Value::bytes(px), Value::integer(16), Value::integer(9), Value::integer(1)}));
    EXPECT_EQ(sel.call_function("hash", {Value::bytes_view(ppx->data(), ppx->size(), ppx)}),
              sel.call_function("hash", {Value::bytes(px)}));
    EXPECT_EQ(*ppx, px);
  }
}

}  // namespace
