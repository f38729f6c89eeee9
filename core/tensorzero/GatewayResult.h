#pragma once

#include "tensorzero/TensorZeroError.h"
#include "util/Result.h"

#include <variant>

namespace diy {

/// Either a value or a typed TensorZeroError. Converts to diy::Result<T> for generic callers.
template <typename T>
class [[nodiscard]] GatewayResult {
public:
    GatewayResult(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    GatewayResult(TensorZeroError error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<0>(m_data); }
    const T *operator->() const { return &value(); }
    const TensorZeroError &error() const { return std::get<1>(m_data); }
    Result<T> toResult() const { return ok() ? Result<T>(value()) : Result<T>(error().error); }

private:
    std::variant<T, TensorZeroError> m_data;
};

} // namespace diy
